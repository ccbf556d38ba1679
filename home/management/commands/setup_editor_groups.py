from django.core.management.base import BaseCommand

from home.permissions import setup_editor_groups


class Command(BaseCommand):
    help = (
        "Create or complete the editors' groups (one per language, Moderators) and the News review "
        "workflow (safe to run again)."
    )

    def handle(self, *args, **options):
        groups = setup_editor_groups()
        self.stdout.write(self.style.SUCCESS("Groups: " + ", ".join(sorted(groups))))
