namespace BioSirk.Portal.Web.Localization;

/// <summary>
/// Anchor of the UI texts. The keys are the bokmål texts themselves, so bokmål needs no resource file;
/// Resources/Localization.SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
