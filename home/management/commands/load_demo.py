import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import build_demo
from home.permissions import setup_editor_groups


class Command(BaseCommand):
    help = "Build the demo site in four languages (safe to run again: nothing is duplicated)."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin account.")

    def handle(self, *args, **options):
        with transaction.atomic():
            summary = build_demo()
            setup_editor_groups()  # editors' groups per language, News review workflow
        self.stdout.write(self.style.SUCCESS(summary))
        if not options["no_admin"]:
            self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD")
        user = User.objects.filter(username=username).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username, f"{username}@example.org", password)
            self.stdout.write(f"Admin account created: {username} / {password}")
        elif password:
            self.stdout.write(f"Admin account: {username} / {password}")
        else:
            self.stdout.write(f"Admin account '{username}' already exists; its password is unchanged.")
