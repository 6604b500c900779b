// Driving the generic pages the way a person does: by the labels on the screen.
import { expect, type Page } from "@playwright/test";

// Inside the form: a list column may carry the same label while the next page is still loading.
export const field = (page: Page, label: string) => page.locator("form").getByLabel(label, { exact: true });

export async function fillText(page: Page, label: string, value: string) {
  await field(page, label).fill(value);
}

/** antd puts a select's label on its wrapper and on its input: the input is the combobox. */
export const combobox = (page: Page, label: string) => page.getByRole("combobox", { name: label, exact: true });

/** Opens a select, optionally types to search the server, and picks the option showing `option`. */
export async function choose(page: Page, label: string, option: string, search?: string) {
  const input = combobox(page, label);
  // The input of a select showing a value has no size of its own: click the select around it.
  await page.locator(".ant-select").filter({ has: input }).click();
  if (search !== undefined) await input.fill(search);
  const item = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: option }).first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).toHaveCount(0);
}

/** Types an ISO date into an antd date picker. */
export async function pickDate(page: Page, label: string, isoDate: string) {
  const input = field(page, label);
  await input.click();
  await input.fill(isoDate);
  await input.press("Enter");
  await expect(input).toHaveValue(isoDate);
}

export const saveButton = (page: Page) => page.getByRole("button", { name: /保\s?存/ });

/** Saves and waits for the show page the app lands on; returns the new record's id. */
export async function saveAndShow(page: Page, route: string): Promise<number> {
  await saveButton(page).click();
  await expect(page).toHaveURL(new RegExp(`${route}/show/\\d+$`));
  return Number(/\/show\/(\d+)$/.exec(page.url())![1]);
}

/** The validation or database message shown under a form field. */
export const fieldError = (page: Page, label: string) =>
  page.locator(".ant-form-item").filter({ has: page.locator(`label[title="${label}"]`) }).locator(".ant-form-item-explain-error");

export async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
}

/** Clicks a header/row delete and confirms it. */
export async function deleteFromShowPage(page: Page) {
  await page.locator(".ant-page-header-heading-extra").getByRole("button", { name: /删\s?除/ }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: /删\s?除/ }).click();
}
