from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "esep.public"
    label = "public"

    def ready(self):
        from esep.core.pagecache import public_content_changed
        from esep.public.cache import _on_public_content_changed

        public_content_changed.connect(_on_public_content_changed, dispatch_uid="esep.public.cache")
