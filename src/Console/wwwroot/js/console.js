// Small browser helpers the console calls through JS interop: local storage and the browser's languages and time zone.
window.afterSalesConsole = {
    get: key => window.localStorage.getItem(key),
    set: (key, value) => value === null ? window.localStorage.removeItem(key) : window.localStorage.setItem(key, value),
    pageLanguage: () => new URLSearchParams(window.location.search).get('lang'),
    languages: () => navigator.languages && navigator.languages.length ? [...navigator.languages] : [navigator.language || 'en'],
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    setLang: lang => document.documentElement.lang = lang,
    wide: () => window.innerWidth >= 960,
    // Saves text the console fetched with its bearer token (a plain link could not send the token).
    download: (name, type, text) => {
        const url = URL.createObjectURL(new Blob([text], { type }));
        const link = Object.assign(document.createElement('a'), { href: url, download: name });
        link.click();
        // Revoked after the browser has taken the file, not before.
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    // A page the console fetched with its bearer token, as an address a plain link can open.
    objectUrl: (type, text) => URL.createObjectURL(new Blob([text], { type })),
    // Moves keyboard focus into a part of the page that just opened (the board's technician picker).
    focusFirst: selector => document.querySelector(selector)?.focus()
};
