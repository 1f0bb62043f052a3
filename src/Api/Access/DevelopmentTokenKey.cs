using System.Security.Cryptography;
using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Api.Access;

/// <summary>The key development tokens are signed with: 32 random bytes made at the first start and kept in the data
/// directory (<see cref="FileName"/>), so tokens survive a restart and no two installations share a key. Registered only
/// where development tokens are on (<see cref="DevelopmentTokens.AreEnabled"/>).</summary>
internal sealed class DevelopmentTokenKey
{
    public const string FileName = "dev-token-key";
    public const string KeyId = "aftersales-dev";

    public DevelopmentTokenKey(IOptions<HostingOptions> hosting)
    {
        var directory = System.IO.Path.GetFullPath(hosting.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        KeyPath = System.IO.Path.Combine(directory, FileName);
        Key = SigningKeys.ToSecurityKey(LoadOrCreate(KeyPath), KeyId);
    }

    /// <summary>Where the key is kept.</summary>
    public string KeyPath { get; }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path) && SigningKeys.TryDecode(File.ReadAllText(path), out var existing))
        {
            return existing;
        }
        var key = RandomNumberGenerator.GetBytes(SigningKeys.MinimumBytes);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }
        // Two processes on one data directory (a restart overlapping the old process) must end with the same key.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            if (SigningKeys.TryDecode(File.ReadAllText(path), out var winner))
            {
                return winner;
            }
            throw;
        }
        return key;
    }
}
