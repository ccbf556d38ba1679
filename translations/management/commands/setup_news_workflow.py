from django.core.management.base import BaseCommand

from translations.workflow import setup_news_workflow


class Command(BaseCommand):
    help = "Create or complete the news groups, tasks and per-language workflows (safe to run again)."

    def handle(self, **options):
        workflows = setup_news_workflow()
        for workflow in workflows.values():
            tasks = ", ".join(task.name for task in workflow.tasks)
            self.stdout.write(f"{workflow.name}: {tasks}")
