using BioSirk.Portal.Agreements.Contracts;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Agreements;

/// <summary>
/// Missions agreements and their budgets in one module: the agreement's workflow and its money (hours, costs,
/// payment requests, payments, settlement) change together, in one transaction, so splitting them would only add
/// messages between two halves of one rule.
/// </summary>
public static class AgreementsModule
{
    public static IServiceCollection AddAgreements(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<AgreementsDbContext, AgreementsSqliteDbContext, AgreementsPostgresDbContext>(database, AgreementsDbContext.SchemaName);
        services.AddScoped<AgreementStore>();
        services.AddScoped<AgreementQueries>();
        services.AddScoped<DraftAgreement>();
        services.AddScoped<EditDraft>();
        services.AddScoped<DeleteDraftAgreement>();
        services.AddScoped<SignAgreement>();
        services.AddScoped<AmendAgreement>();
        services.AddScoped<Rescission>();
        services.AddScoped<RegisterHours>();
        services.AddScoped<RemoveBudgetEntry>();
        services.AddScoped<RegisterDirectCost>();
        services.AddScoped<PaymentRequests>();
        services.AddScoped<AgreementNotices>();
        services.AddScoped<IAgreementReports, AgreementReports>();
        services.AddScoped<ImportTimesheet>();
        services.AddScoped<ExportBudget>();
        services.AddScoped<SendDeadlineReminders>();
        services.AddScoped<AgreementsDemoSeeder>();
        return services;
    }
}
