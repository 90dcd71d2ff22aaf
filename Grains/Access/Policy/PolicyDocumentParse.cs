using System.Diagnostics.CodeAnalysis;

namespace Planekeeper.Grains.Access.Policy;

/// <summary>The result of <see cref="PolicyDocument.Parse"/>: either a document or at least one error.</summary>
public sealed class PolicyDocumentParse
{
    private PolicyDocumentParse(PolicyDocument? document, IReadOnlyList<PolicyDocumentError> errors)
    {
        Document = document;
        Errors = errors;
    }

    public PolicyDocument? Document { get; }

    public IReadOnlyList<PolicyDocumentError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;

    public static PolicyDocumentParse Success(PolicyDocument document) => new(document, []);

    public static PolicyDocumentParse Failure(IReadOnlyList<PolicyDocumentError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed parse needs at least one error.", nameof(errors));
        }
        return new(null, errors);
    }

    public static PolicyDocumentParse Failure(string reason) => Failure([new PolicyDocumentError(null, reason)]);
}
