global using BioSirk.Portal.Web.Hosting;
global using BioSirk.Portal.Web.Jobs;
global using BioSirk.Portal.Web.Live;
global using BioSirk.Portal.Web.Security;
