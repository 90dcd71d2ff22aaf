using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// The certificate that encrypts the Data Protection key ring before it is written to PostgreSQL:
/// <c>DATA_PROTECTION_CERTIFICATE_PATH</c> (a PKCS#12 file with its private key) and
/// <c>DATA_PROTECTION_CERTIFICATE_PASSWORD</c>. Without it the keys are stored as they are, and whoever can read the
/// database can decrypt channel secrets; with it a database dump alone reveals none of them. So outside development
/// (the host environment <c>Development</c>) the silo refuses to start without it, unless
/// <c>DATA_PROTECTION_ALLOW_UNENCRYPTED=true</c> says the risk is accepted (docs/security.md, "Secrets").
/// </summary>
public static class KeyRingCertificate
{
    public const string PathSetting = "DATA_PROTECTION_CERTIFICATE_PATH";
    public const string PasswordSetting = "DATA_PROTECTION_CERTIFICATE_PASSWORD";
    public const string AllowUnencryptedSetting = "DATA_PROTECTION_ALLOW_UNENCRYPTED";

    public static X509Certificate2? Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var allowUnencrypted = BooleanSetting.Read(configuration, AllowUnencryptedSetting);
        if (configuration[PathSetting]?.Trim() is not { Length: > 0 } path)
        {
            return allowUnencrypted || environment.IsDevelopment()
                ? null
                : throw new StartupConfigurationException(
                    $"{PathSetting} is not set: the key ring of channel secrets would be stored unencrypted in PostgreSQL (set {AllowUnencryptedSetting}=true to accept that)");
        }

        if (!File.Exists(path))
        {
            throw new StartupConfigurationException($"{PathSetting} names '{path}', which does not exist");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new StartupConfigurationException(
                $"{PathSetting} '{path}' could not be read as a PKCS#12 file with {PasswordSetting}: {e.Message.TrimEnd('.')}");
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new StartupConfigurationException($"{PathSetting} '{path}' has no private key: the key ring could be encrypted but never read back");
    }
}
