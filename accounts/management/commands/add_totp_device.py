from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Set up an authenticator app (TOTP) for an editor and print its otpauth:// address: open it "
        "in the app or turn it into a QR code. From then on the editor signs in with password and code."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Authenticator app", help="A name for the device.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove the user's existing TOTP devices first (a lost phone).",
        )

    @transaction.atomic
    def handle(self, *args, username, name, replace, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user called {username!r}.") from None
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=None)
        if devices.exists() and not replace:
            raise CommandError(
                f"{username} already has an authenticator app; use --replace to set up a new one."
            )
        devices.delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(device.config_url)
