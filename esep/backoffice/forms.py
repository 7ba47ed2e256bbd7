from django import forms
from django.utils.translation import gettext_lazy as _

from esep.police.models import PolicePoint


class PrecinctForm(forms.Form):
    name_kk = forms.CharField(label=_("Name (Kazakh)"), max_length=300)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    description_kk = forms.CharField(label=_("What it covers (Kazakh)"), widget=forms.Textarea, required=False,
                                     max_length=5000)  # fmt: skip
    description_ru = forms.CharField(label=_("What it covers (Russian)"), widget=forms.Textarea, required=False,
                                     max_length=5000)  # fmt: skip
    point = forms.ModelChoiceField(label=_("District police point"), queryset=PolicePoint.objects.none(),
                                   required=False)  # fmt: skip

    def __init__(self, *args, precinct, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = PolicePoint.objects.filter(body=precinct.body)
