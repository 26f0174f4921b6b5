namespace BioSirk.Portal.SharedKernel.Tenancy;

/// <summary>The signed-in person, as far as modules need to know: for audit stamps and "mine" queries.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? DisplayName { get; }
}
