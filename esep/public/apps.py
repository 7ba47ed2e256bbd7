from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "esep.public"
    label = "public"

    def ready(self):
        from esep.core.pagecache import public_content_changed, set_version_source
        from esep.public.cache import _on_public_content_changed, public_version

        public_content_changed.connect(_on_public_content_changed, dispatch_uid="esep.public.cache")
        set_version_source(public_version)
