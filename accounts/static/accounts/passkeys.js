// The passkeys page (accounts/passkeys.py): show the new passkey in the list once it is saved.
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
