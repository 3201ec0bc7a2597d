namespace Workflow.Complaints.Survey;

/// <summary>A satisfaction score from 1 (very unsatisfied) to 5 (very satisfied).</summary>
public readonly record struct SurveyScore
{
    /// <summary>The lowest score.</summary>
    public const int Min = 1;

    /// <summary>The highest score.</summary>
    public const int Max = 5;

    /// <summary>Creates a score; throws outside 1..5.</summary>
    public SurveyScore(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Max);
        Value = value;
    }

    /// <summary>The score.</summary>
    public int Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
