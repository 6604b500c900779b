// Refine notifications through antd's App context. @refinedev/antd has one too, but importing it at the
// entry pulls that whole package into the sign-in page's bundle; this is the few lines we need.
import type { NotificationProvider } from "@refinedev/core";
import { App } from "antd";

export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) =>
      notification.open({
        key,
        message,
        description,
        type: type === "progress" ? "info" : type,
        placement: "topRight",
      }),
    close: (key) => notification.destroy(key),
  };
}
