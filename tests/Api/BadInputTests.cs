using System.Net;
using System.Text;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Every class of client mistake gets its own status and a message for the field at fault — never a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private const string ValidCase = """
        {"customerId":"C-1","type":"fault","priority":"high","channel":"phone","subject":"Boiler","description":"Error E4"}
        """;

    [Fact]
    public async Task MalformedJsonIsRefusedWith400AtTheJsonPath()
    {
        using var response = await api.PostRawAsync("/api/cases", """{"customerId": "C-1", "type": fault}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "type");
        Assert.Contains("not valid JSON", Problem.Messages(problem, "type")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedJsonIsRefusedWith400ForTheBody()
    {
        using var response = await api.PostRawAsync("/api/cases", """{"customerId": "C-1" """);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "$");
    }

    [Fact]
    public async Task AMissingBodyIsRefusedWith400()
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/api/cases", new StringContent("", Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "$");
    }

    [Fact]
    public async Task MissingRequiredFieldsAreEachNamed()
    {
        using var response = await api.PostRawAsync("/api/customers", "{}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "name");
        foreach (var field in new[] { "region", "tier", "language", "phones" })
        {
            Assert.NotEmpty(Problem.Messages(problem, field));
        }
    }

    [Fact]
    public async Task ExplicitNullForARequiredFieldIsRefused()
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase.Replace("\"C-1\"", "null", StringComparison.Ordinal));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "customerId");
    }

    [Theory]
    [InlineData("\"type\":\"fault\"", "\"type\":\"repair\"", "type")]
    [InlineData("\"type\":\"fault\"", "\"type\":1", "type")]
    [InlineData("\"type\":\"fault\"", "\"type\":\"1\"", "type")]
    [InlineData("\"priority\":\"high\"", "\"priority\":99", "priority")]
    [InlineData("\"channel\":\"phone\"", "\"channel\":\"\"", "channel")]
    public async Task UndefinedEnumValuesAreRefusedWith400EvenNumericOnes(string valid, string invalid, string field)
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase.Replace(valid, invalid, StringComparison.Ordinal));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Contains("must be one of", Problem.Messages(problem, field)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUndefinedDepartmentListsTheSlugs()
    {
        using var response = await api.PostAsync("/api/technicians", new
        {
            name = "Li Lei", department = "technicalSupport", region = "east", capacity = 3, onShift = true,
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "department");
        Assert.Contains("technical-support", Problem.Messages(problem, "department")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPropertiesAreRefusedWith400()
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase.Replace("}", ",\"assignee\":\"me\"}", StringComparison.Ordinal));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "assignee");
        Assert.Contains("Unknown property", Problem.Messages(problem, "assignee")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPropertiesInsideAListAreNamedByTheirPath()
    {
        using var response = await api.PostRawAsync("/api/technicians",
            """{"name":"Li","department":"installation","region":"east","capacity":3,"onShift":true,"skills":[{"name":"a","level":2,"years":3}]}""");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "skills[0].years");
    }

    [Fact]
    public async Task DuplicatePropertiesAreRefused()
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase.Replace("{", "{\"subject\":\"first\",", StringComparison.Ordinal));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "subject");
    }

    [Fact]
    public async Task NumbersInStringsAreRefused()
    {
        using var response = await api.PostRawAsync("/api/technicians",
            """{"name":"Li","department":"installation","region":"east","capacity":"3","onShift":true}""");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "capacity");
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("description")]
    [InlineData("customerId")]
    public async Task NulCharactersInAnyStringAreRefused(string field)
    {
        var json = ValidCase.Replace($"\"{field}\":\"", $"\"{field}\":\"a\\u0000", StringComparison.Ordinal);

        using var response = await api.PostRawAsync("/api/cases", json);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Contains(Problem.Messages(problem, field), m => m.Contains("NUL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NulCharactersInListItemsAreRefused()
    {
        using var response = await api.PostRawAsync("/api/customers",
            """{"name":"Wang","phones":["+8613800138000"],"emails":["a\u0000@example.com"],"region":"east","tier":"gold","language":"en"}""");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "emails[0]");
    }

    [Fact]
    public async Task ABodyOver64KilobytesIsRefusedWith413()
    {
        var json = ValidCase.Replace("Error E4", new string('x', 70 * 1024), StringComparison.Ordinal);

        using var response = await api.PostRawAsync("/api/cases", json);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "$");
    }

    [Fact]
    public async Task AChunkedBodyOver64KilobytesIsRefusedWith413()
    {
        var json = ValidCase.Replace("Error E4", new string('x', 70 * 1024), StringComparison.Ordinal);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await api.Client.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "$");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AWrongContentTypeIsRefusedWith415(string contentType)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/api/cases", new StringContent(ValidCase, Encoding.UTF8, contentType));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Contains(contentType, Problem.Messages(problem, "Content-Type")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongContentTypeOnAnActionIsRefusedWith415()
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/api/cases/AS-2026-000001/start",
            new StringContent("{}", Encoding.UTF8, "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Theory]
    [InlineData("id", "has space")]
    [InlineData("id", "-leading-dash")]
    [InlineData("region", "atlantis")]
    [InlineData("language", "fr")]
    [InlineData("language", "zh-cn")]
    [InlineData("tier", "diamond")]
    [InlineData("name", "   ")]
    public async Task InvalidCustomerFieldsAreNamed(string field, string value)
    {
        var body = new Dictionary<string, object>
        {
            ["id"] = ApiDriver.Unique("C"), ["name"] = "Wang Fang", ["phones"] = new[] { "+8613800138000" },
            ["region"] = "east", ["tier"] = "gold", ["language"] = "en",
        };
        body[field] = value;

        using var response = await api.PostAsync("/api/customers", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not a phone")]
    [InlineData("+999 1234 5678")]
    public async Task InvalidPhoneNumbersAreNamedByPosition(string phone)
    {
        using var response = await api.PostAsync("/api/customers", new
        {
            name = "Wang Fang", phones = new[] { "+8613800138000", phone }, region = "east", tier = "gold", language = "en",
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "phones[1]");
    }

    [Fact]
    public async Task AnInvalidSolePhoneIsReportedAtItsPositionOnly()
    {
        using var response = await api.PostAsync("/api/customers", new
        {
            name = "Wang Fang", phones = new[] { "12345" }, region = "east", tier = "gold", language = "en",
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "phones[0]");
        Assert.False(problem.GetProperty("errors").TryGetProperty("phones", out _));
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("Wang <wang@example.com>")]
    [InlineData("wang@localhost")]
    [InlineData("wang @example.com")]
    public async Task InvalidEmailsAreNamedByPosition(string email)
    {
        using var response = await api.PostAsync("/api/customers", new
        {
            name = "Wang Fang", emails = new[] { email }, region = "east", tier = "gold", language = "en",
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "emails[0]");
    }

    [Theory]
    [InlineData(0, 3, "skills[0].level")]
    [InlineData(6, 3, "skills[0].level")]
    [InlineData(3, 0, "capacity")]
    [InlineData(3, 1001, "capacity")]
    public async Task SkillLevelsAndCapacityMustBeInRange(int level, int capacity, string field)
    {
        using var response = await api.PostAsync("/api/technicians", new
        {
            name = "Li Lei", department = "installation", region = "east",
            skills = new[] { new { name = "boiler", level } }, capacity, onShift = true,
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ARepeatedSkillIsRefused()
    {
        using var response = await api.PostAsync("/api/technicians", new
        {
            name = "Li Lei", department = "installation", region = "east",
            skills = new[] { new { name = "boiler", level = 2 }, new { name = "Boiler", level = 3 } }, capacity = 3, onShift = true,
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "skills[1].name");
    }

    [Fact]
    public async Task AWarrantyEndingBeforeInstallationIsRefused()
    {
        using var response = await api.PostAsync("/api/devices", new
        {
            serial = ApiDriver.Unique("SN"), model = "B-200", customerId = "C-1", installedOn = "2025-05-01", warrantyEnd = "2025-04-30",
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "warrantyEnd");
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("01/05/2025")]
    [InlineData("2025-05-01T00:00:00")]
    public async Task DatesMustBeWrittenYearMonthDay(string date)
    {
        using var response = await api.PostAsync("/api/devices", new
        {
            serial = ApiDriver.Unique("SN"), model = "B-200", customerId = "C-1", installedOn = date,
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "installedOn");
    }

    [Theory]
    [InlineData("")]
    [InlineData("key\twith a tab")]
    public async Task AMalformedIdempotencyKeyIsRefused(string key)
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase, ("Idempotency-Key", key));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task AnOverlongIdempotencyKeyIsRefused()
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase, ("Idempotency-Key", new string('k', 201)));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>")]
    public async Task AMalformedActorIsRefused(string actor)
    {
        using var response = await api.PostRawAsync("/api/cases", ValidCase, ("X-Actor", actor));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "X-Actor");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("three")]
    [InlineData("\"3\"x")]
    public async Task AMalformedIfMatchIsRefused(string ifMatch)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/api/cases/AS-2026-000001/start", null, ("If-Match", ifMatch));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "If-Match");
    }

    [Fact]
    public async Task ResolvingWithoutASummaryIsRefused()
    {
        using var response = await api.PostRawAsync("/api/cases/AS-2026-000001/resolve", """{"summary":"  "}""");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "summary");
    }

    [Fact]
    public async Task AMalformedRouteIdIsRefused()
    {
        using var response = await api.Client.GetAsync("/api/customers/bad%20id");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task NulCharactersInAQueryAreRefused()
    {
        using var response = await api.Client.GetAsync("/api/customers/lookup?phone=138%000013%208000");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "phone");
    }

    [Theory]
    [InlineData("/api/customers/a%00b")]
    [InlineData("/api/departments/maintenance/ea%00st")]
    public async Task NulCharactersInAPathAreRefusedByTheServerBeforeAnyHandler(string path)
    {
        using var response = await api.Client.GetAsync(path);

        // Kestrel rejects the request line itself, so there is no endpoint to answer with problem details.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("lookup")]
    [InlineData("Lookup")]
    public async Task TheLookupSegmentCannotBeACustomerId(string id)
    {
        using var response = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task ALookupWithoutAPhoneIsRefused()
    {
        using var response = await api.Client.GetAsync("/api/customers/lookup");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "phone");
    }

    [Fact]
    public async Task AnUnknownRouteAnswersProblemDetails()
    {
        using var response = await api.Client.GetAsync("/api/nothing-here");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "$path");
    }

    [Fact]
    public async Task AnUnsupportedMethodAnswersProblemDetails()
    {
        using var response = await api.SendAsync(HttpMethod.Delete, "/api/customers", null);

        await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed, "$method");
    }
}
