namespace Planekeeper.Grains.Access.Policy;

/// <summary>A request such as ("user:6", "org:2", "gather-jobs", "list").</summary>
public sealed record PermissionRequest(string Subject, string Domain, string Object, string Action);
