// Registrations that modules make into shared places (enterprise profile tabs). Each module
// adds one import here; keep the registered renderers lazy so this stays in the small main chunk.
import '../modules/enterprises/foundationTabs';
import '../modules/resumption/ops/profileTab';
