export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12.0.2"
  }
  public: {
    Tables: {
      audit_log: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_name: string
          at: string
          changed_columns: string[] | null
          id: number
          new_values: Json | null
          old_values: Json | null
          org_unit_id: number | null
          row_id: string
          table_name: string
        }
        Insert: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_name: string
          at?: string
          changed_columns?: string[] | null
          id?: never
          new_values?: Json | null
          old_values?: Json | null
          org_unit_id?: number | null
          row_id: string
          table_name: string
        }
        Update: {
          action?: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_name?: string
          at?: string
          changed_columns?: string[] | null
          id?: never
          new_values?: Json | null
          old_values?: Json | null
          org_unit_id?: number | null
          row_id?: string
          table_name?: string
        }
        Relationships: []
      }
      branch_evaluations: {
        Row: {
          branch_id: number
          created_at: string
          cycle_id: number
          grade: Database["public"]["Enums"]["branch_grade"] | null
          id: number
          report_submitted_on: string | null
          satisfaction: number | null
          score_backbone: number | null
          score_carrier: number | null
          score_leadership: number | null
          score_performance: number | null
          score_system: number | null
          score_venue: number | null
          total: number | null
          updated_at: string
        }
        Insert: {
          branch_id: number
          created_at?: string
          cycle_id: number
          grade?: Database["public"]["Enums"]["branch_grade"] | null
          id?: never
          report_submitted_on?: string | null
          satisfaction?: number | null
          score_backbone?: number | null
          score_carrier?: number | null
          score_leadership?: number | null
          score_performance?: number | null
          score_system?: number | null
          score_venue?: number | null
          total?: number | null
          updated_at?: string
        }
        Update: {
          branch_id?: number
          created_at?: string
          cycle_id?: number
          grade?: Database["public"]["Enums"]["branch_grade"] | null
          id?: never
          report_submitted_on?: string | null
          satisfaction?: number | null
          score_backbone?: number | null
          score_carrier?: number | null
          score_leadership?: number | null
          score_performance?: number | null
          score_system?: number | null
          score_venue?: number | null
          total?: number | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "branch_evaluations_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "branch_evaluations_cycle_id_fkey"
            columns: ["cycle_id"]
            referencedRelation: "evaluation_cycles"
            referencedColumns: ["id"]
          },
        ]
      }
      branches: {
        Row: {
          basis: Database["public"]["Enums"]["branch_basis"]
          code: string
          created_at: string
          excellence: Database["public"]["Enums"]["branch_excellence"]
          founded_on: string | null
          id: number
          kind: Database["public"]["Enums"]["branch_kind"]
          last_election_on: string | null
          name: string
          org_unit_id: number
          secretary_id: number | null
          status: Database["public"]["Enums"]["branch_status"]
          term_years: number
          updated_at: string
        }
        Insert: {
          basis?: Database["public"]["Enums"]["branch_basis"]
          code: string
          created_at?: string
          excellence?: Database["public"]["Enums"]["branch_excellence"]
          founded_on?: string | null
          id?: never
          kind: Database["public"]["Enums"]["branch_kind"]
          last_election_on?: string | null
          name: string
          org_unit_id: number
          secretary_id?: number | null
          status?: Database["public"]["Enums"]["branch_status"]
          term_years?: number
          updated_at?: string
        }
        Update: {
          basis?: Database["public"]["Enums"]["branch_basis"]
          code?: string
          created_at?: string
          excellence?: Database["public"]["Enums"]["branch_excellence"]
          founded_on?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["branch_kind"]
          last_election_on?: string | null
          name?: string
          org_unit_id?: number
          secretary_id?: number | null
          status?: Database["public"]["Enums"]["branch_status"]
          term_years?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "branches_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "branches_secretary_id_fkey"
            columns: ["secretary_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      carrier_coverages: {
        Row: {
          branch_id: number
          carrier_id: number
          created_at: string
          ended_on: string | null
          form: Database["public"]["Enums"]["coverage_form"]
          id: number
          started_on: string
          updated_at: string
        }
        Insert: {
          branch_id: number
          carrier_id: number
          created_at?: string
          ended_on?: string | null
          form: Database["public"]["Enums"]["coverage_form"]
          id?: never
          started_on: string
          updated_at?: string
        }
        Update: {
          branch_id?: number
          carrier_id?: number
          created_at?: string
          ended_on?: string | null
          form?: Database["public"]["Enums"]["coverage_form"]
          id?: never
          started_on?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "carrier_coverages_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "carrier_coverages_carrier_id_fkey"
            columns: ["carrier_id"]
            referencedRelation: "carriers"
            referencedColumns: ["id"]
          },
        ]
      }
      carriers: {
        Row: {
          created_at: string
          headcount: number
          id: number
          kind: Database["public"]["Enums"]["carrier_kind"]
          name: string
          org_unit_id: number
          updated_at: string
          covered: boolean | null
          current_coverages: {
            branch_id: number
            carrier_id: number
            created_at: string
            ended_on: string | null
            form: Database["public"]["Enums"]["coverage_form"]
            id: number
            started_on: string
            updated_at: string
          } | null
        }
        Insert: {
          created_at?: string
          headcount?: number
          id?: never
          kind: Database["public"]["Enums"]["carrier_kind"]
          name: string
          org_unit_id: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          headcount?: number
          id?: never
          kind?: Database["public"]["Enums"]["carrier_kind"]
          name?: string
          org_unit_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "carriers_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      evaluation_cycles: {
        Row: {
          created_at: string
          ends_on: string
          id: number
          starts_on: string
          status: Database["public"]["Enums"]["cycle_status"]
          title: string
          updated_at: string
          weight_masses: number
          weight_org: number
          year: number
        }
        Insert: {
          created_at?: string
          ends_on: string
          id?: never
          starts_on: string
          status?: Database["public"]["Enums"]["cycle_status"]
          title: string
          updated_at?: string
          weight_masses?: number
          weight_org?: number
          year: number
        }
        Update: {
          created_at?: string
          ends_on?: string
          id?: never
          starts_on?: string
          status?: Database["public"]["Enums"]["cycle_status"]
          title?: string
          updated_at?: string
          weight_masses?: number
          weight_org?: number
          year?: number
        }
        Relationships: []
      }
      fund_budgets: {
        Row: {
          amount: number
          branch_id: number | null
          category: Database["public"]["Enums"]["fund_category"]
          created_at: string
          fiscal_year: number
          id: number
          note: string | null
          org_unit_id: number
          updated_at: string
        }
        Insert: {
          amount: number
          branch_id?: number | null
          category: Database["public"]["Enums"]["fund_category"]
          created_at?: string
          fiscal_year: number
          id?: never
          note?: string | null
          org_unit_id: number
          updated_at?: string
        }
        Update: {
          amount?: number
          branch_id?: number | null
          category?: Database["public"]["Enums"]["fund_category"]
          created_at?: string
          fiscal_year?: number
          id?: never
          note?: string | null
          org_unit_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "fund_budgets_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "fund_budgets_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      fund_expenditures: {
        Row: {
          amount: number
          budget_id: number
          created_at: string
          id: number
          purpose: string
          spent_on: string
          updated_at: string
          voucher_no: string | null
        }
        Insert: {
          amount: number
          budget_id: number
          created_at?: string
          id?: never
          purpose: string
          spent_on: string
          updated_at?: string
          voucher_no?: string | null
        }
        Update: {
          amount?: number
          budget_id?: number
          created_at?: string
          id?: never
          purpose?: string
          spent_on?: string
          updated_at?: string
          voucher_no?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "fund_expenditures_budget_id_fkey"
            columns: ["budget_id"]
            referencedRelation: "fund_budgets"
            referencedColumns: ["id"]
          },
        ]
      }
      member_posts: {
        Row: {
          created_at: string
          duties: string | null
          grade: Database["public"]["Enums"]["member_grade"] | null
          id: number
          member_id: number
          post_title: string
          self_review: string | null
          targets: string | null
          updated_at: string
          year: number
        }
        Insert: {
          created_at?: string
          duties?: string | null
          grade?: Database["public"]["Enums"]["member_grade"] | null
          id?: never
          member_id: number
          post_title: string
          self_review?: string | null
          targets?: string | null
          updated_at?: string
          year: number
        }
        Update: {
          created_at?: string
          duties?: string | null
          grade?: Database["public"]["Enums"]["member_grade"] | null
          id?: never
          member_id?: number
          post_title?: string
          self_review?: string | null
          targets?: string | null
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "member_posts_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      member_reviews: {
        Row: {
          comment: string | null
          created_at: string
          cycle_id: number
          grade: Database["public"]["Enums"]["member_grade"]
          id: number
          member_id: number
          updated_at: string
        }
        Insert: {
          comment?: string | null
          created_at?: string
          cycle_id: number
          grade: Database["public"]["Enums"]["member_grade"]
          id?: never
          member_id: number
          updated_at?: string
        }
        Update: {
          comment?: string | null
          created_at?: string
          cycle_id?: number
          grade?: Database["public"]["Enums"]["member_grade"]
          id?: never
          member_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "member_reviews_cycle_id_fkey"
            columns: ["cycle_id"]
            referencedRelation: "evaluation_cycles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_reviews_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      members: {
        Row: {
          branch_id: number
          branch_role: Database["public"]["Enums"]["branch_role"]
          category: Database["public"]["Enums"]["member_category"]
          contact: string | null
          created_at: string
          gender: Database["public"]["Enums"]["gender"]
          id: number
          joined_on: string | null
          name: string
          professional_title: Database["public"]["Enums"]["professional_title"]
          status: Database["public"]["Enums"]["member_status"]
          student_or_staff_no: string
          updated_at: string
        }
        Insert: {
          branch_id: number
          branch_role?: Database["public"]["Enums"]["branch_role"]
          category: Database["public"]["Enums"]["member_category"]
          contact?: string | null
          created_at?: string
          gender: Database["public"]["Enums"]["gender"]
          id?: never
          joined_on?: string | null
          name: string
          professional_title?: Database["public"]["Enums"]["professional_title"]
          status?: Database["public"]["Enums"]["member_status"]
          student_or_staff_no: string
          updated_at?: string
        }
        Update: {
          branch_id?: number
          branch_role?: Database["public"]["Enums"]["branch_role"]
          category?: Database["public"]["Enums"]["member_category"]
          contact?: string | null
          created_at?: string
          gender?: Database["public"]["Enums"]["gender"]
          id?: never
          joined_on?: string | null
          name?: string
          professional_title?: Database["public"]["Enums"]["professional_title"]
          status?: Database["public"]["Enums"]["member_status"]
          student_or_staff_no?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "members_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
        ]
      }
      org_units: {
        Row: {
          category: Database["public"]["Enums"]["org_unit_category"]
          code: string
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["org_unit_kind"]
          name: string
          updated_at: string
        }
        Insert: {
          category: Database["public"]["Enums"]["org_unit_category"]
          code: string
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["org_unit_kind"]
          name: string
          updated_at?: string
        }
        Update: {
          category?: Database["public"]["Enums"]["org_unit_category"]
          code?: string
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["org_unit_kind"]
          name?: string
          updated_at?: string
        }
        Relationships: []
      }
      partnership_activities: {
        Row: {
          created_at: string
          held_on: string
          id: number
          outcome: string | null
          participants: number
          partnership_id: number
          service_area: Database["public"]["Enums"]["service_area"]
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          held_on: string
          id?: never
          outcome?: string | null
          participants?: number
          partnership_id: number
          service_area: Database["public"]["Enums"]["service_area"]
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          held_on?: string
          id?: never
          outcome?: string | null
          participants?: number
          partnership_id?: number
          service_area?: Database["public"]["Enums"]["service_area"]
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "partnership_activities_partnership_id_fkey"
            columns: ["partnership_id"]
            referencedRelation: "partnerships"
            referencedColumns: ["id"]
          },
        ]
      }
      partnerships: {
        Row: {
          branch_id: number
          created_at: string
          ended_on: string | null
          id: number
          mode: Database["public"]["Enums"]["partnership_mode"]
          partner_branch_id: number | null
          partner_kind: Database["public"]["Enums"]["partner_kind"]
          partner_name: string | null
          started_on: string
          status: Database["public"]["Enums"]["partnership_status"]
          updated_at: string
        }
        Insert: {
          branch_id: number
          created_at?: string
          ended_on?: string | null
          id?: never
          mode: Database["public"]["Enums"]["partnership_mode"]
          partner_branch_id?: number | null
          partner_kind: Database["public"]["Enums"]["partner_kind"]
          partner_name?: string | null
          started_on: string
          status?: Database["public"]["Enums"]["partnership_status"]
          updated_at?: string
        }
        Update: {
          branch_id?: number
          created_at?: string
          ended_on?: string | null
          id?: never
          mode?: Database["public"]["Enums"]["partnership_mode"]
          partner_branch_id?: number | null
          partner_kind?: Database["public"]["Enums"]["partner_kind"]
          partner_name?: string | null
          started_on?: string
          status?: Database["public"]["Enums"]["partnership_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "partnerships_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "partnerships_partner_branch_id_fkey"
            columns: ["partner_branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          display_name: string
          org_unit_id: number | null
          role: Database["public"]["Enums"]["app_role"]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          display_name: string
          org_unit_id?: number | null
          role: Database["public"]["Enums"]["app_role"]
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          display_name?: string
          org_unit_id?: number | null
          role?: Database["public"]["Enums"]["app_role"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      settings: {
        Row: {
          created_at: string
          description: string
          id: number
          key: string
          label: string
          max_value: number
          min_value: number
          position: number
          unit: string
          updated_at: string
          value: number
        }
        Insert: {
          created_at?: string
          description?: string
          id?: never
          key: string
          label: string
          max_value: number
          min_value: number
          position?: number
          unit?: string
          updated_at?: string
          value: number
        }
        Update: {
          created_at?: string
          description?: string
          id?: never
          key?: string
          label?: string
          max_value?: number
          min_value?: number
          position?: number
          unit?: string
          updated_at?: string
          value?: number
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      admin_create_account: {
        Args: {
          p_display_name: string
          p_email: string
          p_org_unit_id?: number
          p_password: string
          p_role: Database["public"]["Enums"]["app_role"]
        }
        Returns: string
      }
      admin_list_accounts: {
        Args: Record<PropertyKey, never>
        Returns: {
          banned_until: string
          created_at: string
          disabled: boolean
          display_name: string
          email: string
          last_sign_in_at: string
          org_unit_id: number
          org_unit_name: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }[]
      }
      admin_reset_password: {
        Args: { p_password: string; p_user_id: string }
        Returns: undefined
      }
      admin_set_account_disabled: {
        Args: { p_disabled: boolean; p_user_id: string }
        Returns: undefined
      }
      branches_below_activity_standard: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_fiscal_year?: number
          p_org_unit_id?: number
          p_standard?: number
        }
        Returns: {
          allocated: number
          branch_code: string
          branch_id: number
          branch_name: string
          members: number
          org_unit_id: number
          org_unit_name: string
          per_member: number
          shortfall: number
          standard: number
        }[]
      }
      coverage_by_kind: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carrier_kind: Database["public"]["Enums"]["carrier_kind"]
          carriers: number
          coverage_rate: number
          covered: number
          uncovered: number
        }[]
      }
      coverage_by_unit_kind: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carrier_kind: Database["public"]["Enums"]["carrier_kind"]
          carriers: number
          coverage_rate: number
          covered: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          uncovered: number
        }[]
      }
      coverage_summary: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carriers: number
          coverage_rate: number
          covered: number
          uncovered: number
        }[]
      }
      coverage_trend: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_carrier_kind?: Database["public"]["Enums"]["carrier_kind"]
          p_end?: string
          p_months?: number
          p_org_unit_id?: number
        }
        Returns: {
          carriers: number
          coverage_rate: number
          covered: number
          day: string
          month: string
        }[]
      }
      covered: {
        Args: { carrier: Database["public"]["Tables"]["carriers"]["Row"] }
        Returns: boolean
      }
      current_coverages: {
        Args: { carrier: Database["public"]["Tables"]["carriers"]["Row"] }
        Returns: {
          branch_id: number
          carrier_id: number
          created_at: string
          ended_on: string | null
          form: Database["public"]["Enums"]["coverage_form"]
          id: number
          started_on: string
          updated_at: string
        }
        SetofOptions: {
          from: "carriers"
          to: "carrier_coverages"
          isOneToOne: true
          isSetofReturn: true
        }
      }
      evaluation_distribution: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_bucket_width?: number
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          branches: number
          bucket_from: number
          bucket_to: number
          label: string
        }[]
      }
      evaluation_grades_by_unit: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          average_total: number
          evaluated: number
          excellent: number
          good: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          qualified: number
          unqualified: number
        }[]
      }
      evaluation_ranking: {
        Args: {
          p_bottom?: boolean
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_limit?: number
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          branch_code: string
          branch_id: number
          branch_name: string
          grade: Database["public"]["Enums"]["branch_grade"]
          org_unit_id: number
          org_unit_name: string
          rank: number
          total: number
        }[]
      }
      evaluation_six_averages: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          dimension: string
          label: string
          school_average: number
          unit_average: number
        }[]
      }
      evaluation_trend: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
        }
        Returns: {
          average_total: number
          cycle_id: number
          cycle_status: Database["public"]["Enums"]["cycle_status"]
          evaluated: number
          excellent_rate: number
          year: number
        }[]
      }
      evaluation_year_over_year: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          average_total: number
          change: number
          evaluated: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          previous_average_total: number
          previous_evaluated: number
          previous_year: number
          year: number
        }[]
      }
      funds_by_category: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_fiscal_year?: number
          p_org_unit_id?: number
        }
        Returns: {
          allocated: number
          budget: number
          category: Database["public"]["Enums"]["fund_category"]
          execution_rate: number
          spent: number
        }[]
      }
      funds_by_unit_category: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_category?: Database["public"]["Enums"]["fund_category"]
          p_fiscal_year?: number
          p_org_unit_id?: number
        }
        Returns: {
          allocated: number
          allocation_rate: number
          budget: number
          category: Database["public"]["Enums"]["fund_category"]
          execution_rate: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          spent: number
        }[]
      }
      funds_monthly_execution: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_category?: Database["public"]["Enums"]["fund_category"]
          p_fiscal_year?: number
          p_org_unit_id?: number
        }
        Returns: {
          budget: number
          cumulative_rate: number
          cumulative_spent: number
          even_spend_rate: number
          month: string
          month_number: number
          spent: number
        }[]
      }
      home_kpis: {
        Args: { p_day?: string; p_fiscal_year?: number; p_org_unit_id?: number }
        Returns: {
          branches: number
          budget: number
          carriers: number
          coverage_rate: number
          covered_carriers: number
          elections_overdue: number
          execution_rate: number
          members: number
          secretaries: number
          senior_title_secretaries: number
          senior_title_secretary_share: number
          spent: number
        }[]
      }
      my_profile: {
        Args: Record<PropertyKey, never>
        Returns: {
          display_name: string
          email: string
          org_unit_id: number
          org_unit_name: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }[]
      }
      reopen_evaluation_cycle: {
        Args: { p_cycle_id: number }
        Returns: {
          created_at: string
          ends_on: string
          id: number
          starts_on: string
          status: Database["public"]["Enums"]["cycle_status"]
          title: string
          updated_at: string
          weight_masses: number
          weight_org: number
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "evaluation_cycles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      transfer_members: {
        Args: {
          p_close_as?: Database["public"]["Enums"]["branch_status"]
          p_from_branch_id: number
          p_member_ids?: number[]
          p_to_branch_id: number
        }
        Returns: number
      }
      uncovered_carriers: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_carrier_kind?: Database["public"]["Enums"]["carrier_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carrier_id: number
          carrier_kind: Database["public"]["Enums"]["carrier_kind"]
          carrier_name: string
          headcount: number
          last_covered_on: string
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
        }[]
      }
    }
    Enums: {
      app_role: "org_admin" | "committee_admin" | "leader"
      audit_action: "insert" | "update" | "delete"
      branch_basis:
        | "major"
        | "discipline"
        | "work_unit"
        | "dormitory"
        | "lab"
        | "research_group"
        | "practice_base"
        | "society"
        | "other"
      branch_excellence: "none" | "cultivating" | "excellent"
      branch_grade: "excellent" | "good" | "qualified" | "unqualified"
      branch_kind: "student" | "teacher" | "staff" | "retired" | "mixed"
      branch_role:
        | "secretary"
        | "deputy_secretary"
        | "committee_member"
        | "member"
      branch_status: "active" | "merged" | "dissolved"
      carrier_kind:
        | "dormitory"
        | "society"
        | "lab"
        | "research_group"
        | "practice_base"
      coverage_form:
        | "branch"
        | "party_group"
        | "responsibility_zone"
        | "model_post"
        | "liaison"
      cycle_status: "draft" | "open" | "closed"
      fund_category:
        | "activity"
        | "fee_refund"
        | "case_project"
        | "training"
        | "other"
      gender: "male" | "female"
      member_category: "student" | "teacher" | "staff" | "retired"
      member_grade:
        | "excellent"
        | "qualified"
        | "basically_qualified"
        | "unqualified"
      member_status: "probationary" | "full"
      org_unit_category: "college" | "administration" | "affiliated"
      org_unit_kind: "party_committee" | "general_branch" | "direct_branch"
      partner_kind:
        | "street"
        | "community"
        | "enterprise"
        | "industry"
        | "school"
        | "government"
        | "internal_branch"
      partnership_mode:
        | "joint_building"
        | "dual_pairing"
        | "internal_pairing"
        | "service_alliance"
      partnership_status: "active" | "suspended" | "ended"
      professional_title:
        | "senior"
        | "associate_senior"
        | "intermediate"
        | "junior"
        | "none"
      service_area:
        | "reform"
        | "development"
        | "teachers_students"
        | "members"
        | "society"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      app_role: ["org_admin", "committee_admin", "leader"],
      audit_action: ["insert", "update", "delete"],
      branch_basis: [
        "major",
        "discipline",
        "work_unit",
        "dormitory",
        "lab",
        "research_group",
        "practice_base",
        "society",
        "other",
      ],
      branch_excellence: ["none", "cultivating", "excellent"],
      branch_grade: ["excellent", "good", "qualified", "unqualified"],
      branch_kind: ["student", "teacher", "staff", "retired", "mixed"],
      branch_role: [
        "secretary",
        "deputy_secretary",
        "committee_member",
        "member",
      ],
      branch_status: ["active", "merged", "dissolved"],
      carrier_kind: [
        "dormitory",
        "society",
        "lab",
        "research_group",
        "practice_base",
      ],
      coverage_form: [
        "branch",
        "party_group",
        "responsibility_zone",
        "model_post",
        "liaison",
      ],
      cycle_status: ["draft", "open", "closed"],
      fund_category: [
        "activity",
        "fee_refund",
        "case_project",
        "training",
        "other",
      ],
      gender: ["male", "female"],
      member_category: ["student", "teacher", "staff", "retired"],
      member_grade: [
        "excellent",
        "qualified",
        "basically_qualified",
        "unqualified",
      ],
      member_status: ["probationary", "full"],
      org_unit_category: ["college", "administration", "affiliated"],
      org_unit_kind: ["party_committee", "general_branch", "direct_branch"],
      partner_kind: [
        "street",
        "community",
        "enterprise",
        "industry",
        "school",
        "government",
        "internal_branch",
      ],
      partnership_mode: [
        "joint_building",
        "dual_pairing",
        "internal_pairing",
        "service_alliance",
      ],
      partnership_status: ["active", "suspended", "ended"],
      professional_title: [
        "senior",
        "associate_senior",
        "intermediate",
        "junior",
        "none",
      ],
      service_area: [
        "reform",
        "development",
        "teachers_students",
        "members",
        "society",
      ],
    },
  },
} as const
