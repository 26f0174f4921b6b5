namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>The demo people (see DemoDataSeeder), by what they are in the tests.</summary>
public static class Demo
{
    public const string HostAdmin = "vert@demo.biosirk.no";
    public const string HallingdalAdmin = "admin.hallingdal@demo.biosirk.no";
    public const string HallingdalSecretary = "sekretar.hallingdal@demo.biosirk.no";
    public const string HallingdalMember = "medlem.hallingdal@demo.biosirk.no";
    public const string BuskerudOfficer = "radgiver.buskerud@demo.biosirk.no";
    public const string InnlandetOfficer = "radgiver.innlandet@demo.biosirk.no";
    public const string HadelandSecretary = "sekretar.hadeland@demo.biosirk.no";
    public const string RingerikeSecretary = "sekretar.ringerike@demo.biosirk.no";
    public const string GjovikSecretary = "sekretar.gjovik@demo.biosirk.no";
    public const string TwoCouncilMember = "medlem.biosirk@demo.biosirk.no";
}
