using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Customers;

/// <summary>The keys of the customer grains that are derived from personal data, built in one place.</summary>
public static class CustomerKeys
{
    /// <summary>The phone index grain of an E.164 number: <c>phone-</c> and the first 32 hex digits of the SHA-256 of the
    /// number, so the number never becomes a grain key (keys travel in logs, traces, directory entries and storage keys).
    /// A hash of a number is a pseudonym, not an anonymisation: the space of numbers is small enough to enumerate, so the
    /// storage that holds these keys stays as private as the customers' own rows.</summary>
    public static string PhoneIndex(string e164) =>
        "phone-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("aftersales/phone-index/" + e164)))[..32];
}
