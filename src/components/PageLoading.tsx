import { Spin } from "antd";

export const PageLoading = () => (
  <div style={{ display: "flex", justifyContent: "center", padding: 48 }}>
    <Spin />
  </div>
);
