namespace AfterSales.Surveys;

/// <summary>Durable state of <see cref="SurveyGrain"/>: what was issued, how it is shown, and the one response.</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.SurveyState")]
internal sealed class SurveyState
{
    [Id(0)] public SurveyIssue? Issue { get; set; }

    /// <summary>The questions' language, from the customer at issue.</summary>
    [Id(1)] public string Language { get; set; } = "en";

    /// <summary>The technician's display name at issue.</summary>
    [Id(2)] public string? TechnicianName { get; set; }

    [Id(3)] public SurveyResponse? Response { get; set; }
}

/// <summary>Durable state of <see cref="SurveyResultsShardGrain"/>: the day totals (the facts are rows).</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.SurveyResultsShardState")]
internal sealed class SurveyResultsShardState : Persistence.IRowBackedState
{
    /// <summary>Totals per day (key: <see cref="DateOnly.DayNumber"/>).</summary>
    [Id(0)] public Dictionary<int, SurveyTotals> Days { get; set; } = [];

    /// <summary>Every fact counted, keyed by survey id and kind (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public Persistence.StateRows<SurveyFact> Facts { get; } = new("fact");

    IReadOnlyList<Persistence.IStateRows> Persistence.IRowBackedState.RowSets => [Facts];

    Persistence.EventJournal? Persistence.IRowBackedState.Journal => null;
}
