import type { ThemeConfig } from "antd";

/** Party red as the primary colour, shared by the sign-in page and the app. */
export const theme: ThemeConfig = { token: { colorPrimary: "#c62828", borderRadius: 4 } };
