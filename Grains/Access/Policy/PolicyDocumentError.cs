namespace Planekeeper.Grains.Access.Policy;

/// <summary>Why a policy document was rejected; <see cref="StatementIndex"/> is null for document-level problems.</summary>
public sealed record PolicyDocumentError(int? StatementIndex, string Reason)
{
    public override string ToString() => StatementIndex is { } index ? $"Statement[{index}]: {Reason}" : Reason;
}
