namespace AfterSales.Tests.Api.Infrastructure.HttpFiles;

/// <summary>One request of an <c>.http</c> file, with its placeholders (<c>{{…}}</c>) still in place.</summary>
/// <param name="Line">The line of its request line (1-based), for messages.</param>
/// <param name="Title">The text of its <c>###</c> separator, or of the first comment under it.</param>
/// <param name="Name">Its <c># @name</c>, when later requests read its answer.</param>
/// <param name="ExpectedStatus">The status its title announces (<c>### 404 on …</c>) or its <c># expect 409</c>
/// comment names; null means any success (2xx).</param>
/// <param name="Variables">File variables defined in its block after the body, in order.</param>
public sealed record HttpFileRequest(
    int Line,
    string Title,
    string? Name,
    int? ExpectedStatus,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    IReadOnlyList<KeyValuePair<string, string>> Variables);
