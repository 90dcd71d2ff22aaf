// The maintenance banner's Dismiss button (docs/ui.md, "The banner"): this browser remembers the dismissed banner's
// id, so the banner stays hidden until its level or message changes. A static file, as the CSP allows.
(() => {
    const banner = document.querySelector('[data-banner-id]');
    if (!banner) {
        return;
    }

    const key = 'planekeeper.dismissed-banner';
    if (localStorage.getItem(key) === banner.dataset.bannerId) {
        banner.hidden = true;
        return;
    }

    const button = banner.querySelector('[data-dismiss-banner]');
    button.hidden = false;
    button.addEventListener('click', () => {
        localStorage.setItem(key, banner.dataset.bannerId);
        banner.hidden = true;
    });
})();
