using System.Net.Http.Headers;
using System.Text;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering;

/// <summary>HTTP basic authentication from a job's <c>registry_basic</c> credential (Helm repositories, OCI registries).</summary>
internal static class BasicCredential
{
    /// <exception cref="TaskFailedException">The credential is of another type or lacks a username or password (not retryable).</exception>
    public static AuthenticationHeaderValue Header(AgentCredential credential, string sourceType)
    {
        if (credential.Type != AgentCredential.RegistryBasic || credential.Username is null || credential.Secret is null)
        {
            throw new TaskFailedException(
                $"credential '{credential.Name}' is not usable for {sourceType}: it takes a registry_basic credential with a username and a password",
                retryable: false);
        }

        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Secret}")));
    }
}
