namespace AfterSales.Surveys;

/// <summary>What a survey asks about.</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.SurveyTrigger")]
public enum SurveyTrigger
{
    /// <summary>The resolution of the case (one per resolution: a reopened case resolved again gets a new survey).</summary>
    Resolution = 0,
    /// <summary>A field visit recorded on the case (one per visit).</summary>
    Visit = 1,
}
