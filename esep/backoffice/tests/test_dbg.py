import pytest
from esep.testing import a11y
from esep.backoffice.tests.test_accessibility import office, _signed_in, _staff_pages  # noqa
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
JS = """async () => { const r = await axe.run(document, {runOnly:{type:'tag', values:['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice']}});
 return r.incomplete.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' [' + (n.any.concat(n.all, n.none).map(c => c.message).join('; ')) + ']').join(' | ')); }"""
def test_dbg(browser, live_server, office):
    context, page = _signed_in(browser, live_server, office["staff"], "kk")
    seen = set()
    for name, path in list(_staff_pages(office).items()) + [("pub-home", "/"), ("pub-meeting", f"/meetings/{office['upcoming'].code}/"), ("ask", f"/meetings/{office['upcoming'].code}/ask/")]:
        page.goto(f"{live_server.url}/kk{path}")
        a11y.axe_run(page)
        for line in page.evaluate(JS):
            for part in line.split(" | "):
                if part not in seen:
                    seen.add(part); print(name, "::", part[:400])
