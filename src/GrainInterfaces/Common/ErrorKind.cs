namespace AfterSales.Common;

/// <summary>Why a grain refused a command. The API maps each kind to one HTTP status.</summary>
[GenerateSerializer, Alias("AfterSales.ErrorKind")]
public enum ErrorKind
{
    /// <summary>The command is malformed or violates a rule of the data (HTTP 400).</summary>
    Validation = 0,
    /// <summary>The addressed entity, or one the command refers to, does not exist (HTTP 404).</summary>
    NotFound = 1,
    /// <summary>The command is not allowed in the entity's current state (HTTP 409).</summary>
    Conflict = 2,
    /// <summary>The caller's expected version does not match the current one (HTTP 412).</summary>
    PreconditionFailed = 3,
    /// <summary>An idempotency key was reused with a different request (HTTP 422).</summary>
    IdempotencyMismatch = 4,
    /// <summary>The request is well-formed but refers to things that do not fit together, e.g. a device of another
    /// customer (HTTP 422).</summary>
    Unprocessable = 5,
}
