using System.Net;
using System.Text.RegularExpressions;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// Checks out one ref of a repository (shallow: only its commit) into a fresh temporary folder.
/// </summary>
/// <remarks>
/// Runs the <c>git</c> program rather than LibGit2Sharp: there are no native libgit2 binaries to ship, the ssh and
/// https transports behave as users know them from git (OpenSSH and its config, askpass, proxy and CA variables), and a
/// shallow clone of one ref is supported, which LibGit2Sharp does not do well. A branch or tag is cloned with
/// <c>git clone --depth 1 --branch</c>; a full commit sha is fetched on its own (<c>git fetch --depth 1 &lt;url&gt; &lt;sha&gt;</c>).
/// A server agent (<c>allowPrivateAddresses</c> false) reads only https and ssh repositories on public addresses.
/// </remarks>
public sealed partial class GitCheckout
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private readonly bool allowPrivateAddresses;
    private readonly string temporaryRoot;
    private readonly TimeSpan timeout;

    /// <param name="allowPrivateAddresses">False for a server agent: no local paths or <c>file://</c>, no host on a private address.</param>
    /// <param name="temporaryRoot">Where checkout folders are made; the system's temporary folder by default.</param>
    /// <param name="timeout">How long all git runs of one checkout may take together; <see cref="DefaultTimeout"/> by default.</param>
    public GitCheckout(bool allowPrivateAddresses, string? temporaryRoot = null, TimeSpan? timeout = null)
    {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.temporaryRoot = temporaryRoot ?? Path.GetTempPath();
        this.timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>Checks out <paramref name="gitRef"/> (a branch, a tag or a full commit sha); dispose the result to delete it.</summary>
    /// <exception cref="TaskFailedException">The repository or ref cannot be read; says whether trying again may help.</exception>
    public async Task<RepositoryCheckout> CheckOutAsync(string repositoryUrl, string gitRef, AgentCredential? credential, CancellationToken cancellationToken)
    {
        var remote = GitRemote.Parse(repositoryUrl);
        var pinnedAddresses = allowPrivateAddresses ? null : await RemoteAddressCheck.CheckAsync(remote, cancellationToken);
        if (pinnedAddresses is not null)
        {
            remote = remote with { Url = remote.CheckedUrl! };
        }
        var folder = CheckoutFolder.Create(temporaryRoot);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var commitSha = await CheckOutIntoAsync(folder, remote, gitRef, credential, pinnedAddresses, limit.Token);
            return new RepositoryCheckout(folder, gitRef, commitSha);
        }
        catch (Exception exception)
        {
            folder.Dispose();
            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TaskFailedException($"git did not finish reading {repositoryUrl} within {timeout.TotalSeconds:0.###} s", retryable: true, inner: exception);
            }
            throw;
        }
    }

    private static async Task<string> CheckOutIntoAsync(
        CheckoutFolder folder, GitRemote remote, string gitRef, AgentCredential? credential, IReadOnlyList<IPAddress>? pinnedAddresses, CancellationToken cancellationToken)
    {
        var environment = GitEnvironment.Create(folder, remote, credential, pinnedAddresses);
        foreach (var step in Steps(environment, folder, remote, gitRef))
        {
            await RunAsync(step, remote, gitRef, credential, cancellationToken);
        }
        var head = await RunAsync(environment.Command(folder.Repository, "rev-parse", "HEAD"), remote, gitRef, credential, cancellationToken);
        return head.Trim();
    }

    /// <summary>The git runs that check out <paramref name="gitRef"/> into <see cref="CheckoutFolder.Repository"/>.</summary>
    internal static IReadOnlyList<GitInvocation> Steps(GitEnvironment environment, CheckoutFolder folder, GitRemote remote, string gitRef) =>
        CommitShaPattern().IsMatch(gitRef)
            ?
            [
                environment.Command(folder.Path, "init", "--quiet", "--", folder.Repository),
                environment.Command(folder.Repository, "fetch", "--quiet", "--depth=1", "--no-tags", "--", remote.Url, gitRef),
                environment.Command(folder.Repository, "checkout", "--quiet", "--detach", "FETCH_HEAD"),
            ]
            : [environment.Command(folder.Path, "clone", "--quiet", "--depth=1", "--no-tags", $"--branch={gitRef}", "--", remote.Url, folder.Repository)];

    private static async Task<string> RunAsync(GitInvocation invocation, GitRemote remote, string gitRef, AgentCredential? credential, CancellationToken cancellationToken)
    {
        var output = await GitProcess.RunAsync(invocation, cancellationToken);
        return output.Succeeded ? output.StandardOutput : throw GitFailure.Describe(output, remote.Url, gitRef, credential);
    }

    /// <summary>A SHA-1 or SHA-256 object name; a shorter one cannot be fetched and is treated as a branch or tag name.</summary>
    [GeneratedRegex(@"^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})\z")]
    private static partial Regex CommitShaPattern();
}
