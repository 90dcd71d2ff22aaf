// Copy buttons: <button type="button" data-copy="id"> puts the text of the element with that id on the clipboard
// (docs/ui.md, "Copy buttons"). A static file, so the CSP's script-src 'self' allows it.
document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-copy]');
    if (!button) {
        return;
    }

    const text = document.getElementById(button.dataset.copy).textContent.trim();
    navigator.clipboard.writeText(text).then(
        () => { button.textContent = 'Copied'; },
        () => { button.textContent = 'Copy failed: select the text'; });
});
