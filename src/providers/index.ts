export { supabaseClient } from "./supabaseClient";
export { authProvider } from "./authProvider";
export { accessControlProvider } from "./accessControlProvider";
export { i18nProvider } from "./i18nProvider";
import { createDataProvider } from "./dataProvider";
import { supabaseClient } from "./supabaseClient";

import { reauthenticate } from "./reauth";

export const dataProvider = createDataProvider(supabaseClient, { reauthenticate });
