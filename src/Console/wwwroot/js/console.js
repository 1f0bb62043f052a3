// Small browser helpers the console calls through JS interop: local storage and the browser's languages and time zone.
window.afterSalesConsole = {
    get: key => window.localStorage.getItem(key),
    set: (key, value) => value === null ? window.localStorage.removeItem(key) : window.localStorage.setItem(key, value),
    languages: () => navigator.languages && navigator.languages.length ? [...navigator.languages] : [navigator.language || 'en'],
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    setLang: lang => document.documentElement.lang = lang,
    wide: () => window.innerWidth >= 960
};
