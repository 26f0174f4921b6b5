using System.Reflection;
using NetArchTest.Rules;

namespace BioSirk.Portal.Tests.Architecture;

/// <summary>
/// A module (a project under src/ other than the shared kernel) may use another module only through its Contracts
/// namespace. The web host composes the modules and is the one place allowed to call their features.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules = typeof(Program).Assembly.GetReferencedAssemblies()
        .Where(a => a.Name!.StartsWith("BioSirk.Portal.", StringComparison.Ordinal) && a.Name != "BioSirk.Portal.SharedKernel")
        .Select(Assembly.Load)
        .ToArray();

    [Fact]
    public void EveryModule_UsesOtherModulesOnlyThroughTheirContracts()
    {
        Assert.NotEmpty(Modules);
        var violations = Modules.SelectMany(module => ForbiddenDependencies(module, Modules)).ToList();

        Assert.True(violations.Count == 0, "Module boundary broken by: " + string.Join(", ", violations));
    }

    [Fact]
    public void TheRule_CatchesCodeThatReachesIntoAModulesInternals()
    {
        // The web host does use Platform's features and domain; the same rule applied to it must say so, or the
        // rule could never fail.
        var violations = ForbiddenDependencies(typeof(Program).Assembly, Modules);

        Assert.Contains(violations, v => v.StartsWith("BioSirk.Portal.Web.", StringComparison.Ordinal));
    }

    [Fact]
    public void SharedKernel_DependsOnNoModule()
    {
        var result = Types.InAssembly(typeof(BioSirk.Portal.SharedKernel.Tenancy.ITenantOwned).Assembly)
            .ShouldNot().HaveDependencyOnAny(Modules.Select(m => m.GetName().Name!).ToArray())
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static IEnumerable<string> ForbiddenDependencies(Assembly consumer, IEnumerable<Assembly> modules)
    {
        foreach (var module in modules.Where(m => m != consumer))
        {
            var name = module.GetName().Name!;
            // NetArchTest matches by prefix, so the module's root namespace is listed type by type (it would match
            // Contracts too); the other namespaces are listed whole.
            var internals = module.GetTypes()
                .Where(t => t.Namespace is not null && !t.Name.StartsWith('<'))
                .Select(t => t.Namespace == name ? t.FullName! : t.Namespace!)
                .Where(ns => ns != name + ".Contracts" && !ns.StartsWith(name + ".Contracts.", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
            var result = Types.InAssembly(consumer).ShouldNot().HaveDependencyOnAny(internals!).GetResult();
            foreach (var type in result.FailingTypeNames ?? [])
            {
                yield return type;
            }
        }
    }
}
