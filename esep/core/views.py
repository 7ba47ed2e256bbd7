from django.shortcuts import render


def csrf_failure(request, reason: str = ""):
    """An expired or forged form: say so in the reader's language, never Django's technical page."""
    return render(request, "403_csrf.html", status=403)
