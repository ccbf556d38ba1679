from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from programmes.localize import clear_snippet_maps
from programmes.models import Organisation, Theme


@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def snippet_changed(sender, **kwargs):
    clear_snippet_maps(sender)
