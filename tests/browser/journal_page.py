"""The reflection journal's workbench page, as a learner uses it (hooks: docs/contracts.md)."""
import re


def strings(page):
    return page.evaluate("JSON.parse(document.querySelector('.rj-block .rj-data').textContent).strings")


def fmt(text, **params):
    return re.sub(r"%\((\w+)\)s", lambda m: str(params[m.group(1)]), text)


class JournalPage:
    """The scenario "two exercises and Min loggbok": ``entry(0)``, ``entry(1)``, ``course``."""

    def __init__(self, page):
        self.page = page

    def open(self, url):
        self.url = url
        self.page.goto(url)
        self.wait_ready()
        return self

    def wait_ready(self):
        try:
            self._wait_ready()
        except Exception as exc:  # say what the page was instead of only "timeout"
            raise AssertionError(f"journal not ready at {self.page.url}: {self.page.title()!r}, "
                                 f"errors {self.page.watch.errors}") from exc

    def _wait_ready(self):
        self.page.wait_for_function(
            "document.querySelectorAll('.rj-block').length > 0 && "
            "[...document.querySelectorAll('.rj-block')].every(b => b.dataset.rjReady === '1' && "
            "(b.dataset.view !== 'course_journal' || b.dataset.rjLoaded === '1'))")

    def reload(self):
        self.page.reload()
        self.wait_ready()

    def entry(self, n):
        return self.page.locator('.rj-block[data-view="entry"]').nth(n)

    @property
    def course(self):
        return self.page.locator('.rj-block[data-view="course_journal"]')

    @staticmethod
    def box(block, key="p1"):
        return block.locator(f'textarea[data-field="{key}"]')

    def commit(self, block, key="p1"):
        section = block.locator(f'.rj-entry[data-key="{key}"]')
        msg = section.locator(".rj-msg")
        section.locator('[data-action="commit"]').click()
        msg.filter(has_text=re.compile(r"Sparat i loggboken|Loggboken har redan|Saved in your journal")).wait_for()
        return msg.inner_text()

    def wait_saved(self, block):
        """The block's autosave has nothing pending (the status says saved)."""
        block.locator(".rj-status").filter(has_text=re.compile(r"^(Sparat|Saved) ")).wait_for()
        self.page.wait_for_function(
            "!Object.keys(localStorage).some(k => k.startsWith('reflection:') && k.includes('#'))")
