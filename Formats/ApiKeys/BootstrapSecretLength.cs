namespace Planekeeper.ApiKeys;

/// <summary>How long the secret must be that server agents present to provision their own key.</summary>
public static class BootstrapSecretLength
{
    /// <summary>For the silo's setting, each request and the agent's setting alike.</summary>
    public const int Minimum = 32;
}
