namespace BioSirk.Portal.SharedKernel.Results;

/// <summary>A message for one input field (or for the whole form when <see cref="Field"/> is empty), in Norwegian.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of a command: done, or refused with messages the user can act on.</summary>
public class Result
{
    protected Result(IReadOnlyList<FieldError> errors, bool isStale = false)
    {
        Errors = errors;
        IsStale = isStale;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>Refused because someone else saved the row after the form was loaded (its concurrency stamp is old).</summary>
    public bool IsStale { get; }

    public static Result Ok() => new([]);

    public static Result Fail(string field, string message) => new([new FieldError(field, message)]);

    public static Result Fail(IReadOnlyList<FieldError> errors) => new(errors);

    public static Result Stale(string field, string message) => new([new FieldError(field, message)], isStale: true);
}

public sealed class Result<T> : Result
{
    private Result(T? value, IReadOnlyList<FieldError> errors)
        : base(errors) => Value = value;

    public T? Value { get; }

    public static Result<T> Ok(T value) => new(value, []);

    public static new Result<T> Fail(string field, string message) => new(default, [new FieldError(field, message)]);

    public static new Result<T> Fail(IReadOnlyList<FieldError> errors) => new(default, errors);
}

/// <summary>Collects field errors while a command checks its input.</summary>
public sealed class Errors
{
    private readonly List<FieldError> list = [];

    public bool Any => list.Count > 0;

    public IReadOnlyList<FieldError> All => list;

    public Errors Add(string field, string message)
    {
        list.Add(new FieldError(field, message));
        return this;
    }

    public Errors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    /// <summary>A text longer than its field holds: "Tittelen kan være på høyst 300 tegn (nå 612)."</summary>
    public Errors WhenLongerThan(string? text, int maxLength, string field, string what) =>
        text?.Trim().Length is { } length && length > maxLength
            ? Add(field, $"{what} kan være på høyst {Count(maxLength)} tegn (nå {Count(length)}).")
            : this;

    private static string Count(int n) => n.ToString("#,0", Formatting.Norwegian.Culture).Replace('\u00A0', ' ');
}
