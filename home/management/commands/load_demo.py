import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from home.demo import build_demo
from home.permissions import setup_editor_groups

# Wagtail's account settings form requires a first and a last name: without them the admin
# could not save any preference (admin language, time zone, theme).
ADMIN_NAME = {"first_name": "Site", "last_name": "Administrator"}


class Command(BaseCommand):
    help = "Build the demo site in four languages (safe to run again: nothing is duplicated)."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin account.")

    def handle(self, *args, **options):
        with transaction.atomic():
            summary = build_demo()
            setup_editor_groups()  # editors' groups per language, News review workflow
        self.stdout.write(self.style.SUCCESS(summary))
        self.stdout.write(f"Site address: {Site.objects.get(is_default_site=True).root_url}")
        if not options["no_admin"]:
            self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD")
        user = User.objects.filter(username=username).first()
        if user is not None and not (user.first_name and user.last_name):  # made before it had a name
            User.objects.filter(pk=user.pk).update(**ADMIN_NAME)
        if user is None:
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username, f"{username}@example.org", password, **ADMIN_NAME)
            self.stdout.write(f"Admin account created: {username} / {password}")
        elif password:
            self.stdout.write(f"Admin account: {username} / {password}")
        else:
            self.stdout.write(f"Admin account '{username}' already exists; its password is unchanged.")
