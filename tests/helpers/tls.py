"""A TLS server as old government servers run it: TLS 1.0 only, an old cipher, a self-signed
certificate made for the test (with `cryptography`)."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import warnings
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

# RSA key exchange with AES-CBC and SHA-1 MACs: what a TLS 1.0 server of the 2010s offers.
OLD_CIPHERS = "AES128-SHA:AES256-SHA:@SECLEVEL=0"


def self_signed(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A certificate and its key for `host`, written into `folder`."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


def old_tls_context(cert_file: Path, key_file: Path) -> ssl.SSLContext:
    """A server context that speaks TLS 1.0 and nothing newer, with old ciphers only."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_ciphers(OLD_CIPHERS)
    with warnings.catch_warnings():  # TLS 1.0 is deprecated: serving it is the point
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1
    context.load_cert_chain(cert_file, key_file)
    return context
