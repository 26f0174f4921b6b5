using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BioSirk.Portal.Tests.SharedKernel;

/// <summary>
/// Every module's model, for each provider, matches its migrations. The portal does not check this at start (it would
/// cost every start a model diff per module), so a model change without its migration must fail here.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> DesignTimeFactories()
    {
        var factories = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("BioSirk.Portal.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .Select(t => t.AssemblyQualifiedName!);
        return [.. factories];
    }

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void TheModel_HasNoChangesWithoutAMigration(string factoryType)
    {
        var factory = Activator.CreateInstance(Type.GetType(factoryType, throwOnError: true)!, nonPublic: true)!;
        var create = factory.GetType().GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!;
        using var context = (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;

        Assert.False(context.Database.HasPendingModelChanges(),
            $"{context.GetType().Name} has model changes without a migration: add one with `dotnet ef migrations add`.");
    }
}
