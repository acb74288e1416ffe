// Deliberately empty: what activating an extension costs before it does anything.
function activate() {}

function deactivate() {}

module.exports = { activate, deactivate };
