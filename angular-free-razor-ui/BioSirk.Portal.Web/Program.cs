using BioSirk.Portal.Web.Api;
using BioSirk.Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalDatabase();
builder.AddPortalModules();
builder.AddPortalWeb();
builder.AddPortalSecurity();
builder.AddPortalEntraSignIn();
builder.AddPortalApi();
builder.AddPortalJobs();
builder.AddPortalLive();
builder.AddPortalHealth();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UsePortal();
await app.RunAsync();

public partial class Program;
