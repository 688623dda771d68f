// createLocalTestKeys(): an RSA key pair made with OpenSSL's EVP interface, its public half published
// as a JWKS (RFC 7517) file in the project and its private half kept beside it for makeTestToken().
#include "TestToken.h"

#include "gateway/JsonText.h"
#include "gateway/Jwks.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace gatehouse::testing {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::testing", text);
}

LocalKeySetup failure(const QString &error) {
    LocalKeySetup setup;
    setup.error = error;
    return setup;
}

QByteArray bignumParam(EVP_PKEY *key, const char *name) {
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) return {};
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

// PKCS #8 PEM ("BEGIN PRIVATE KEY"), unencrypted: only the local tool reads it.
QByteArray privateKeyPem(EVP_PKEY *key) {
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (bio && PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, qsizetype(size));
    }
    BIO_free(bio);
    return pem;
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions,
                     QString &error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    // Before any byte is written, so a private key is never readable by others, not even briefly.
    if (permissions.toInt() != 0) file.setPermissions(permissions);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (permissions.toInt() != 0) QFile::setPermissions(path, permissions);
    return true;
}

QString fileNameFor(const QString &authorizerName) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString name = authorizerName;
    name.replace(unsafe, QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("authorizer") : name;
}

} // namespace

LocalKeySetup createLocalTestKeys(const QString &authorizerName, const QString &projectFolder) {
    if (projectFolder.isEmpty() || !QFileInfo(projectFolder).isDir())
        return failure(tr("save the project first: test keys are kept in its folder"));
    const QDir project(projectFolder);
    const QString jwksRelative = QStringLiteral("auth/%1.jwks.json").arg(fileNameFor(authorizerName));
    const QString jwksPath = project.filePath(jwksRelative);

    // An existing key set gains the new key; its other keys (and any other members) are kept.
    OrderedJson jwks = {{"keys", OrderedJson::array()}};
    if (QFile existing(jwksPath); existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return failure(tr("cannot read %1: %2").arg(jwksRelative, existing.errorString()));
        const std::optional<OrderedJson> parsed = parseJson(existing.read(1024 * 1024));
        if (!parsed || !parsed->is_object() || !parsed->contains("keys") || !(*parsed)["keys"].is_array())
            return failure(tr("%1 exists but is not a key set (a JSON object with a \"keys\" array): move it "
                              "away or fix it first")
                               .arg(jwksRelative));
        jwks = *parsed;
    }

    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
    if (!key) return failure(tr("OpenSSL could not generate an RSA key"));
    const QByteArray n = base64UrlEncode(bignumParam(key.get(), OSSL_PKEY_PARAM_RSA_N));
    const QByteArray e = base64UrlEncode(bignumParam(key.get(), OSSL_PKEY_PARAM_RSA_E));
    const QByteArray pem = privateKeyPem(key.get());
    if (n.isEmpty() || e.isEmpty() || pem.isEmpty())
        return failure(tr("OpenSSL could not export the RSA key"));
    // RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, no whitespace.
    const QByteArray thumbprintInput = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
    const QString kid = QString::fromLatin1(
        base64UrlEncode(QCryptographicHash::hash(thumbprintInput, QCryptographicHash::Sha256)));

    QString error;
    const QString keysFolder = project.filePath(QStringLiteral(".gatehouse/keys"));
    if (!QDir().mkpath(keysFolder) || !QDir().mkpath(QFileInfo(jwksPath).absolutePath()))
        return failure(
            tr("cannot create the folders for the keys in %1").arg(QDir::toNativeSeparators(projectFolder)));
    // Private keys stay out of version control even when the project is committed whole.
    const QString ignore = QDir(keysFolder).filePath(QStringLiteral(".gitignore"));
    if (!QFile::exists(ignore) && !writeAtomically(ignore, "*\n", {}, error)) return failure(error);
    const QString privatePath = localPrivateKeyPath(projectFolder, kid);
    if (!writeAtomically(privatePath, pem, QFileDevice::ReadOwner | QFileDevice::WriteOwner, error))
        return failure(error);

    jwks["keys"].push_back({{"kty", "RSA"},
                            {"kid", kid.toStdString()},
                            {"use", "sig"},
                            {"alg", "RS256"},
                            {"n", n.toStdString()},
                            {"e", e.toStdString()}});
    if (!writeAtomically(jwksPath, QByteArray::fromStdString(jwks.dump(2)) + '\n', {}, error)) {
        QFile::remove(privatePath); // a private key whose public half was never published is of no use
        return failure(error);
    }
    LocalKeySetup setup;
    setup.jwksRelativePath = jwksRelative;
    return setup;
}

} // namespace gatehouse::testing
