namespace AfterSales.Console.Resources;

/// <summary>The console's labels and messages: Strings.resx (en) and Strings.zh-CN.resx, read through
/// <c>IStringLocalizer&lt;Strings&gt;</c>.</summary>
internal sealed class Strings;
