using AfterSales.Api.Hosting;
using AfterSales.Installation;
using AfterSales.Models;

namespace AfterSales.Api.Installation;

/// <summary>A work order's commissioning checklist. <paramref name="Version"/> is also the <c>ETag</c>.</summary>
/// <param name="Outcome"><c>pass</c> or <c>fail</c> once the report is submitted (the checklist no longer changes); null before.</param>
public sealed record ChecklistResponse(
    string WorkOrderNumber,
    string DeviceSerial,
    string Model,
    IReadOnlyList<ChecklistItemResponse> Items,
    ChecklistProgressResponse Progress,
    CommissioningVerdict? Outcome,
    int Version)
{
    internal static ChecklistResponse From(ChecklistSnapshot checklist) => new(
        checklist.WorkOrderNumber, checklist.DeviceSerial, checklist.Model, [.. checklist.Items.OrEmpty().Select(ChecklistItemResponse.From)],
        ChecklistProgressResponse.From(checklist.Progress), checklist.Outcome, checklist.Version);
}

/// <summary>One item: the model's template and the answer, if any.</summary>
/// <param name="Min">A measurement's lowest expected value (inclusive), if bounded.</param>
/// <param name="Max">A measurement's highest expected value (inclusive), if bounded.</param>
/// <param name="Answer">Null until answered.</param>
public sealed record ChecklistItemResponse(
    string Id,
    string Text,
    ChecklistItemKind Kind,
    string? Unit,
    decimal? Min,
    decimal? Max,
    bool Required,
    ChecklistAnswerResponse? Answer)
{
    internal static ChecklistItemResponse From(ChecklistItem item) => new(
        item.Template.Id, item.Template.Text, item.Template.Kind, item.Template.Unit, item.Template.Min, item.Template.Max,
        item.Template.Required, item.Answer is { } answer ? ChecklistAnswerResponse.From(answer) : null);
}

/// <summary>An item's answer.</summary>
/// <param name="Passed">A check as marked; a measurement: within its range.</param>
/// <param name="Deviation">A measurement outside its range, recorded on purpose with a note.</param>
public sealed record ChecklistAnswerResponse(
    bool Passed,
    decimal? Value,
    string? Unit,
    IReadOnlyList<string> Photos,
    string? Note,
    bool Deviation,
    string AnsweredBy,
    DateTimeOffset AnsweredAt)
{
    internal static ChecklistAnswerResponse From(ChecklistAnswer answer) => new(
        answer.Passed, answer.Value, answer.Unit, answer.Photos.OrEmpty(), answer.Note, answer.Deviation, answer.AnsweredBy, answer.AnsweredAt);
}

/// <summary>How far the checklist is.</summary>
public sealed record ChecklistProgressResponse(int Total, int Answered, int Required, int RequiredAnswered, int Passed, int Failed)
{
    internal static ChecklistProgressResponse From(ChecklistProgress p) => new(p.Total, p.Answered, p.Required, p.RequiredAnswered, p.Passed, p.Failed);
}
